using YamlDotNet.RepresentationModel;

namespace MeshOps.Tests.Discovery;

/// <summary>
/// Reads values out of the shared HashiCups reference manifests (../shared/reference next to the repository), so the
/// tests run on the real configs without copying them into the repo.
/// </summary>
internal static class ReferenceManifests
{
    public static string PathOf(string relative)
    {
        var path = ReferenceData.Path(relative);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Reference manifest missing; these tests need ../shared/reference next to the repository.", path);
        }

        return path;
    }

    public static string ConfigMapValue(string relative, string name, string key) =>
        Scalar(Document(relative, "ConfigMap", name), "data", key);

    public static IReadOnlyList<(string Name, string Value)> ContainerEnv(string relative, string deployment, string container)
    {
        var env = (YamlSequenceNode)Child(Container(relative, deployment, container), "env");
        return env.Children.Cast<YamlMappingNode>()
            .Where(e => e.Children.ContainsKey("value"))
            .Select(e => (Scalar(e, "name"), Scalar(e, "value")))
            .ToList();
    }

    public static IReadOnlyList<string> ContainerArgs(string relative, string deployment, string container) =>
        ((YamlSequenceNode)Child(Container(relative, deployment, container), "args")).Children.Select(a => ((YamlScalarNode)a).Value!).ToList();

    public static string PodAnnotation(string relative, string deployment, string key) =>
        Scalar(Document(relative, "Deployment", deployment), "spec", "template", "metadata", "annotations", key);

    private static YamlMappingNode Container(string relative, string deployment, string container)
    {
        var containers = (YamlSequenceNode)Child(Document(relative, "Deployment", deployment), "spec", "template", "spec", "containers");
        return containers.Children.Cast<YamlMappingNode>().Single(c => Scalar(c, "name") == container);
    }

    private static YamlMappingNode Document(string relative, string kind, string name)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(PathOf(relative)))
        {
            stream.Load(reader);
        }

        return stream.Documents
            .Select(d => d.RootNode)
            .OfType<YamlMappingNode>()
            .Single(root => Scalar(root, "kind") == kind && Scalar(root, "metadata", "name") == name);
    }

    private static YamlNode Child(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        }

        return node;
    }

    private static string Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)Child(node, path)).Value!;
}
