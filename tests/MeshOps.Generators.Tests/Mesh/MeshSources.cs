namespace MeshOps.Generators.Tests.Mesh;

/// <summary>A small healthy mesh (web calls api, allowed under deny-all) that each test bends one way.</summary>
internal static class MeshSources
{
    public const string Web = """
        [MeshService("web", Protocol = MeshProtocol.Http, Image = "example/web:1")]
        [ContainerPort(8080)]
        [ServicePort(80, TargetPort = 8080)]
        [Upstream(typeof(Api))]
        public partial class Web;
    """;

    public const string Api = """
        [MeshService("api", Protocol = MeshProtocol.Http, Image = "example/api:1")]
        [ContainerPort(9090)]
        [ServicePort(9090)]
        public partial class Api;
    """;

    public const string Configure = """
        protected override void Configure(IntentionBuilder<DemoMesh> intentions) => intentions
            .DenyAll()
            .Allow<Web, Api>();
    """;

    public static string Healthy => Mesh(Web, Api, Configure);

    public static string Mesh(params string[] members) => $$"""
        using MeshOps.Authoring; using MeshOps.Consul;

        namespace Demo;

        public partial class DemoMesh : MeshDefinition<DemoMesh>
        {
        {{string.Join("\n\n", members)}}
        }
        """;

    /// <summary>The healthy mesh with one piece of text replaced; fails the test if the piece is not there.</summary>
    public static string HealthyWith(string original, string replacement)
    {
        Assert.Contains(original, Healthy);
        return Healthy.Replace(original, replacement, StringComparison.Ordinal);
    }

    /// <summary>The healthy mesh with its L4 allow of web → api replaced by <paramref name="intention"/>.</summary>
    public static string L7(string intention) => HealthyWith(".Allow<Web, Api>()", intention);

    /// <summary>
    /// <see cref="L7"/> with api's protocol replaced by <paramref name="protocol"/> (empty: none, so the mesh writes tcp).
    /// </summary>
    public static string L7OnTcp(string protocol, string intention)
    {
        const string Http = "Protocol = MeshProtocol.Http, Image = \"example/api:1\"";
        var source = L7(intention);
        Assert.Contains(Http, source);
        return source.Replace(Http, protocol + "Image = \"example/api:1\"", StringComparison.Ordinal);
    }
}
