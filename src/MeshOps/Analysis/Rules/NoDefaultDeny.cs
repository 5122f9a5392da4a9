using MeshOps.Consul.Helm;
using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Intentions;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH206: the mesh allows every call no intention denies: an explicit allow-all intention, or no deny-all and a
/// default of allow. When the default comes from no Helm values at all (ACLs taken as off), the finding says so.
/// </summary>
internal sealed class NoDefaultDeny : IMeshRule
{
    private const string AddDenyAll = "Add a ServiceIntentions with destination '*' and one source '*' with action deny";

    public RuleDescriptor Descriptor => RuleCatalog.NoDefaultDeny;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var meshWorkloads = model.Workloads.Count(w => w.InMesh);
        if (meshWorkloads == 0 || model.Intentions.FindDenyAll() is not null)
        {
            yield break;
        }

        // An explicit * → * allow opens the mesh whatever the ACL default is: that is a fact of the inputs, no assumption.
        if (FindAllowAll(model) is { } allowAll)
        {
            var (origin, index) = allowAll;
            yield return new RuleHit(Descriptor, origin.Resource, origin.LocationOfSource(index),
                [$"ServiceIntentions {origin.Resource.Name} allows every source to call every destination (source '*' to destination '*', action allow).",
                 meshWorkloads, $"Set action deny on source '*' of ServiceIntentions {origin.Resource.Name}"], []);
            yield break;
        }

        var values = model.Resources.FirstOrDefault(r => r.Model is ConsulHelmValues);
        var intentions = model.IntentionResources.FirstOrDefault();
        var policy = context.Settings.DefaultPolicy;
        // Judged only when the inputs hold the mesh's security configuration: a folder with one app's Deployment
        // says nothing about a deny-all kept elsewhere.
        if ((values is null && intentions is null) || policy.Value == DefaultPolicy.Deny)
        {
            yield break;
        }

        // Point where the default is decided: the Helm values' ACL setting, else the intentions.
        var (subject, location) = values is not null ? (values, values.LocationOf("global", "acls")) : (intentions!, intentions!.Location);
        var assumption = policy.Assumed
            ? "no consul-k8s Helm values are among the inputs, so ACLs were taken as off (the chart default) and calls no intention matches as allowed; "
              + $"if the values kept elsewhere enable ACLs (global.acls.manageSystemACLs: true), say so with the {context.DescribeOption("AclsEnabled")}."
            : null;
        yield return new RuleHit(Descriptor, subject, location,
            [$"There is no deny-all intention (* to *), and calls that no intention matches are allowed: {policy.Origin}.", meshWorkloads, AddDenyAll], [],
            Assumption: assumption);
    }

    /// <summary>The first local L4 allow from source '*' to destination '*'; peers and sameness groups open only their own traffic.</summary>
    private static (IntentionOrigin Origin, int SourceIndex)? FindAllowAll(MeshModel model)
    {
        foreach (var entry in model.Intentions.Entries.Where(e => e.DestinationName == ConsulNames.Wildcard))
        {
            for (var i = 0; i < entry.Sources.Count; i++)
            {
                var source = entry.Sources[i];
                if (source.Name == ConsulNames.Wildcard && source.Action == IntentionAction.Allow && !source.IsL7
                    && string.IsNullOrEmpty(source.Peer) && string.IsNullOrEmpty(source.SamenessGroup))
                {
                    return ((IntentionOrigin)entry.Origin!, i);
                }
            }
        }

        return null;
    }
}
