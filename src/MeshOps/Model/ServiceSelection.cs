namespace MeshOps.Model;

/// <summary>
/// Which pod templates each Service selects, and which Services select each template, by position in the two input
/// lists: computed before either side is built, so both can be built with their final values.
/// </summary>
internal sealed class ServiceSelection
{
    private readonly IReadOnlyList<int>[] _templatesOf;
    private readonly List<int>[] _servicesOf;

    private ServiceSelection(IReadOnlyList<int>[] templatesOf, List<int>[] servicesOf) =>
        (_templatesOf, _servicesOf) = (templatesOf, servicesOf);

    /// <summary>Positions of the templates service <paramref name="service"/> selects, in input order.</summary>
    public IReadOnlyList<int> TemplatesOf(int service) => _templatesOf[service];

    /// <summary>Positions of the Services that select template <paramref name="template"/>, in input order.</summary>
    public IReadOnlyList<int> ServicesOf(int template) => _servicesOf[template];

    public static ServiceSelection Of(IReadOnlyList<DeclaredService> services, IReadOnlyList<PodTemplate> templates)
    {
        var index = new LabelIndex(templates);
        var templatesOf = new IReadOnlyList<int>[services.Count];
        var servicesOf = templates.Select(_ => new List<int>()).ToArray();
        for (var s = 0; s < services.Count; s++)
        {
            templatesOf[s] = index.Select(services[s].Namespace, KubernetesService.SelectorOf(services[s].Service));
            foreach (var t in templatesOf[s])
            {
                servicesOf[t].Add(s);
            }
        }

        return new ServiceSelection(templatesOf, servicesOf);
    }
}
