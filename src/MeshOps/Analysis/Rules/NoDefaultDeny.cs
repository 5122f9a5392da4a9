using MeshOps.Consul.Helm;
using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH206: the mesh allows every call no intention denies: no deny-all intention and the default is allow.</summary>
internal sealed class NoDefaultDeny : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.NoDefaultDeny;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var meshWorkloads = model.Workloads.Count(w => w.InMesh);
        var values = model.Resources.FirstOrDefault(r => r.Model is ConsulHelmValues);
        var intentions = model.IntentionResources.FirstOrDefault();
        // Judged only when the inputs hold the mesh's security configuration: a folder with one app's Deployment
        // says nothing about a deny-all kept elsewhere.
        if (meshWorkloads == 0 || (values is null && intentions is null)
            || context.Settings.DefaultPolicy.Value == DefaultPolicy.Deny || model.Intentions.FindDenyAll() is not null)
        {
            yield break;
        }

        // Point where the default is decided: the Helm values' ACL setting, else the intentions.
        var (subject, location) = values is not null ? (values, values.LocationOf("global", "acls")) : (intentions!, intentions!.Location);
        yield return new RuleHit(Descriptor, subject, location, [context.Settings.DefaultPolicy.Origin, meshWorkloads], []);
    }
}
