using System.Collections;
using System.Globalization;
using k8s.Models;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Model;

/// <summary>
/// Sets aside objects the API server would refuse, with a load error at the offending field, so that no stage after
/// this one meets a shape it would have to guard against and every other object is analysed as the cluster would hold
/// it (issue 10). An empty list item (<c>env:</c> then a lone <c>-</c>) reaches the server as null, which Kubernetes
/// rejects (required fields missing) and so does a CRD's structural schema (items are objects, not nullable).
/// </summary>
internal sealed class InvalidObjects
{
    /// <summary>Per call, not static: the walk looks up each type's fields once.</summary>
    private readonly Dictionary<Type, (Func<object, object?> Get, string Name)[]> _properties = [];

    private readonly Dictionary<Type, bool> _holdsModels = [];

    public static ManifestSet Reject(ManifestSet manifests)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var walker = new InvalidObjects();
        var errors = new List<LoadError>();
        var resources = walker.Keep(manifests.Resources, errors);
        var superseded = walker.Keep(manifests.Superseded, errors);
        return errors.Count == 0
            ? manifests
            : manifests with { Resources = resources, Errors = [.. manifests.Errors, .. errors], Superseded = superseded };
    }

    private List<ManifestResource> Keep(IReadOnlyList<ManifestResource> resources, List<LoadError> errors)
    {
        var kept = new List<ManifestResource>(resources.Count);
        var path = new List<object>();
        foreach (var resource in resources)
        {
            path.Clear();
            if (resource.Model is { } model && FirstProblem(model, path) is { } problem)
            {
                errors.Add(new LoadError(LoadErrorIds.InvalidField, resource.LocationOf([.. problem.Path]),
                    $"{resource.Kind} {resource.Name}: field '{Format(problem.Path)}' {problem.What}; Kubernetes rejects the object, so it is not analysed."));
            }
            else
            {
                kept.Add(resource);
            }
        }

        return kept;
    }

    // The walk keeps one path, adding a segment on the way down and removing it on the way back, and copies it only for
    // a problem: a new list per field visited was a sixth of all an analysis allocated (issue 13, 4,000 services).
    private (List<object> Path, string What)? FirstProblem(object value, List<object> path)
    {
        if (FieldProblem(value) is { } field)
            return ([.. path, field.Field], field.What);
        foreach (var (get, name) in PropertiesOf(value.GetType()))
        {
            if (get(value) is not { } child)
                continue;
            path.Add(name);
            var problem = Children(child, path);
            path.RemoveAt(path.Count - 1);
            if (problem is not null)
                return problem;
        }

        return null;
    }

    private (List<object> Path, string What)? Children(object child, List<object> path)
    {
        switch (child)
        {
            case IDictionary map when HoldsModels(map.GetType(), typeof(IDictionary<,>)):
                foreach (DictionaryEntry entry in map)
                {
                    if (entry.Value is not { } item || !IsModel(item.GetType()))
                        continue;
                    path.Add(entry.Key.ToString()!);
                    var problem = FirstProblem(item, path);
                    path.RemoveAt(path.Count - 1);
                    if (problem is not null)
                        return problem;
                }

                return null;
            case IDictionary:
                return null;
            case IList list when HoldsModels(list.GetType(), typeof(IList<>)):
                for (var i = 0; i < list.Count; i++)
                {
                    var item = list[i];
                    if (item is null)
                        return ([.. path, i], "is an empty list item");
                    if (!IsModel(item.GetType()))
                        continue;
                    path.Add(i);
                    var problem = FirstProblem(item, path);
                    path.RemoveAt(path.Count - 1);
                    if (problem is not null)
                        return problem;
                }

                return null;
            case IList:
                return null;
            default:
                return IsModel(child.GetType()) ? FirstProblem(child, path) : null;
        }
    }

    /// <summary>
    /// Values Kubernetes validation refuses: a pod without containers (a mesh workload without one would otherwise get
    /// no finding at all), and a port number outside 1-65535 (0 means "not set" where the field is optional).
    /// </summary>
    private static (string Field, string What)? FieldProblem(object value) => value switch
    {
        V1PodSpec { Containers: null or { Count: 0 } } => ("containers", "is empty: a pod needs at least one container"),
        V1ContainerPort p when !IsPort(p.ContainerPort) => ("containerPort", OutOfRange(p.ContainerPort)),
        V1ContainerPort { HostPort: { } host } when host != 0 && !IsPort(host) => ("hostPort", OutOfRange(host)),
        V1ServicePort p when !IsPort(p.Port) => ("port", OutOfRange(p.Port)),
        V1ServicePort { NodePort: { } node } when node != 0 && !IsPort(node) => ("nodePort", OutOfRange(node)),
        V1ServicePort { TargetPort.Value: { } target } when long.TryParse(target, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            && number != 0 && !IsPort(number) => ("targetPort", OutOfRange(number)),
        _ => null,
    };

    private static bool IsPort(long port) => port is >= 1 and <= 65535;

    private static string OutOfRange(long port) => $"is {port.ToString(CultureInfo.InvariantCulture)}, not a port number (1-65535)";

    /// <summary>
    /// Whether a list's items (or a map's values) are models, once per type. Only lists of objects are judged:
    /// Kubernetes decodes a null in a list of strings (<c>args:</c> then a lone <c>-</c>) as the empty string and
    /// accepts it; and a map of strings (labels, a ConfigMap's data) holds nothing to walk.
    /// </summary>
    private bool HoldsModels(Type collection, Type generic)
    {
        if (!_holdsModels.TryGetValue(collection, out var holds))
        {
            var item = collection.GetInterfaces().Append(collection)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == generic)?.GetGenericArguments()[^1];
            // A map without a declared value type may still hold models; a list's items must be declared models.
            holds = generic == typeof(IList<>) ? item is not null && IsModel(item) : item is null || item == typeof(object) || IsModel(item);
            _holdsModels[collection] = holds;
        }

        return holds;
    }

    /// <summary>Only the Kubernetes and Consul models are walked; strings, numbers and raw JSON hold no list items.</summary>
    private static bool IsModel(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace is "k8s.Models" or "MeshOps.Consul";

    /// <summary>
    /// The fields the model was read with (its JSON metadata) that may hold objects, so a path names them as the manifest
    /// does; numbers and other values hold nothing to walk, and reading them through a getter boxed each one.
    /// </summary>
    private (Func<object, object?> Get, string Name)[] PropertiesOf(Type type)
    {
        if (!_properties.TryGetValue(type, out var properties))
        {
            // The generated table where there is one: the JSON metadata of a Kubernetes kind means resolving every class it
            // can reach, which a session's first command would otherwise pay for here (issue 14, first call).
            properties = GeneratedModelReader.NonScalarProperties(type) ?? [.. KindRegistry.MetadataOf(type).Properties
                .Where(p => p.Get is not null && !p.PropertyType.IsValueType && p.PropertyType != typeof(string))
                .Select(p => (p.Get!, p.Name))];
            _properties[type] = properties;
        }

        return properties;
    }

    private static string Format(IEnumerable<object> path) =>
        string.Concat(path.Select((segment, i) => segment is int index ? $"[{index.ToString(CultureInfo.InvariantCulture)}]" : i == 0 ? $"{segment}" : $".{segment}")).TrimStart('.');
}
