using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Text;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH104: a call names a host that is no Service. An Error only when the name is a near miss of a Service declared in
/// that namespace (a typo); otherwise the inputs may simply not hold the Service (a Helm chart installs it, a sibling
/// folder declares it, a namespace-less file is applied with kubectl -n), and the finding is a Warning that says so.
/// </summary>
internal sealed class UnknownCallTarget : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.UnknownCallTarget;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var namesByNamespace = model.Services.ToLookup(s => s.Namespace, s => s.Name);
        // Built on the first miss of a namespace: a broken mesh asks about thousands of names (a scan of the namespace's
        // Services for each made 4,000 services take 8 s), a healthy one about none.
        var nearNames = new Dictionary<string, NearNames>(StringComparer.Ordinal);
        var servicesByName = new Lazy<ILookup<string, KubernetesService>>(() => model.Services.ToLookup(s => s.Name, StringComparer.Ordinal));
        // A Consul DNS name is answered by Consul's catalog (or a peer's), not by a Kubernetes Service.
        foreach (var edge in model.Edges.Where(e => e.Target is null && !e.ViaConsulDns))
        {
            // An explicit upstream names a Consul service, which need not be a Kubernetes Service
            // (an external service behind a terminating gateway, a gateway).
            if ((edge.ViaExplicitUpstream && model.ConsulServiceNames.Contains(edge.TargetName))
                || context.Settings.FindKnownService(edge.TargetName, edge.TargetNamespace) is not null)
            {
                continue;
            }

            var candidates = namesByNamespace[edge.TargetNamespace];
            // A namespace the inputs know nothing about is outside what was given, not a typo.
            if (!candidates.Any() && !model.Namespaces.Contains(edge.TargetNamespace))
            {
                continue;
            }

            if (!nearNames.TryGetValue(edge.TargetNamespace, out var near))
            {
                nearNames[edge.TargetNamespace] = near = new NearNames(candidates);
            }

            var nearest = near.Nearest(edge.TargetName);
            var suggestion = nearest is null ? "" : $" Did you mean '{nearest}'?";
            yield return new RuleHit(Descriptor, edge.WrittenIn, edge.Location,
                [edge.Source.Name, edge.TargetNamespace, edge.TargetName, edge.WrittenAt, suggestion], [],
                Assumption: nearest is null ? AssumptionFor(edge, servicesByName.Value, context) : null);
        }
    }

    /// <summary>
    /// Without a near miss nothing in the inputs says the name is wrong; what the verdict rests on is that the inputs
    /// hold every Service of the namespace, in the namespace they will be applied to.
    /// </summary>
    private static string AssumptionFor(CallEdge edge, ILookup<string, KubernetesService> servicesByName, RuleContext context)
    {
        // kubectl apply -n <ns> puts a namespace-less object in <ns>; the loader could only put it in default.
        // Repositories often keep a namespace's files in a folder named after it (multi-ns/backend/): quote that file first.
        var placed = servicesByName[edge.TargetName]
            .Where(s => s.Resource.Namespace is null && s.Namespace != edge.TargetNamespace)
            .OrderByDescending(s => Path.GetFileName(Path.GetDirectoryName(s.Resource.Location.File)) == edge.TargetNamespace)
            .FirstOrDefault();
        if (placed is not null)
        {
            var file = Path.GetFileName(placed.Resource.Location.File);
            return $"objects in {file} have no namespace and were placed in {placed.Namespace}, where Service {edge.TargetName} is declared; "
                + $"if {file} is applied with kubectl -n {edge.TargetNamespace}, give that namespace with the {context.DescribeOption("Namespace")}.";
        }

        var known = edge.TargetNamespace == "default" ? edge.TargetName : $"{edge.TargetName}.{edge.TargetNamespace}";
        return $"no Service {edge.TargetName} is declared in namespace {edge.TargetNamespace} among the inputs, so none was taken to exist; "
            + $"if it is installed elsewhere (a Helm chart, another folder), name it with the {context.DescribeOption("KnownServices")}: {known}.";
    }
}
