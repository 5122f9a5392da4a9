using System.Globalization;
using System.Text;

namespace MeshOps.Benchmarks;

/// <summary>
/// A deterministic, seeded, healthy typed mesh in C#: one <c>partial class SyntheticMesh : MeshDefinition&lt;SyntheticMesh&gt;</c>
/// spread over files of <see cref="ServicesPerFile"/> services each, as a team would split a large mesh. Every service
/// is a nested partial class with <c>[MeshService]</c>, <c>[ContainerPort]</c> and <c>[ServicePort]</c>; HTTP services
/// (some gRPC) declare 1–3 upstreams on HTTP services with a higher index and sometimes a database, so the upstreams
/// form a DAG; every eighth service is a tcp database. Some services carry <c>[ServiceAccount]</c>, some upstreams an
/// explicit <c>Port</c> (always one the target exposes), some Service ports a named target port. <c>Configure</c>
/// denies all, then allows exactly the declared upstream edges, one chain per destination. Beside the mesh sits an
/// unrelated file (<see cref="UnrelatedPath"/>) whose method body <see cref="UnrelatedEdited"/> changes: the edit the
/// cached run replays. The analyzer must report nothing on this mesh.
/// </summary>
public sealed class SyntheticTypedMesh
{
    public const int DefaultSeed = 20260101;
    public const int ServicesPerFile = 50;
    public const string UnrelatedPath = "/src/App/RetryPolicy.cs";
    public const string IntentionsPath = "/src/Mesh/SyntheticMesh.Intentions.cs";

    private SyntheticTypedMesh(int services, IReadOnlyList<(string Path, string Text)> files, int upstreams, int databases)
    {
        Services = services;
        Files = files;
        Upstreams = upstreams;
        Databases = databases;
    }

    public int Services { get; }

    /// <summary>Path and text of every source file: the mesh parts, the intentions and the unrelated file.</summary>
    public IReadOnlyList<(string Path, string Text)> Files { get; }

    /// <summary>Declared upstream edges, which is also the number of Allow calls.</summary>
    public int Upstreams { get; }

    public int Databases { get; }

    public int Lines => Files.Sum(f => f.Text.Count(c => c == '\n'));

    public static string UnrelatedText(int attempts) => $$"""
        namespace Synthetic.App;

        /// <summary>Code that has nothing to do with the mesh: the cached run edits this method body.</summary>
        public static class RetryPolicy
        {
            public static int DelayMilliseconds(int attempt)
            {
                var delay = 100;
                for (var i = 1; i < attempt && i < {{attempts.ToString(CultureInfo.InvariantCulture)}}; i++)
                {
                    delay *= 2;
                }

                return delay;
            }
        }

        """;

    /// <summary>The unrelated file after the edit: a different constant in the method body.</summary>
    public static string UnrelatedEdited => UnrelatedText(6);

    public static bool IsDatabase(int index) => index % 8 == 7;

    public static string ClassOf(int index) =>
        (IsDatabase(index) ? "Db" : "Svc") + index.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>The Service port callers use: 5432 for databases, 8080 or 80 for HTTP services.</summary>
    private static int ServicePortOf(int index) => IsDatabase(index) ? 5432 : index % 2 == 0 ? 8080 : 80;

    public static SyntheticTypedMesh Generate(int services, int seed = DefaultSeed)
    {
        if (services < 16)
        {
            throw new ArgumentOutOfRangeException(nameof(services), services, "At least 16 services (two databases).");
        }

        var random = new SplitMix64((ulong)seed ^ ((ulong)services << 32));
        var upstreams = new List<int>[services];
        var callers = new List<int>[services];
        for (var i = 0; i < services; i++)
        {
            upstreams[i] = [];
            callers[i] = [];
        }

        // Edges only go to a higher index, so the upstream graph is a DAG; the last services are leaves.
        var edges = 0;
        for (var i = 0; i < services; i++)
        {
            if (IsDatabase(i))
            {
                continue;
            }

            var later = Enumerable.Range(i + 1, services - i - 1).ToArray();
            var http = later.Where(j => !IsDatabase(j)).ToArray();
            var count = Math.Min(1 + random.Next(3), http.Length);
            while (upstreams[i].Count < count)
            {
                var target = http[random.Next(http.Length)];
                if (!upstreams[i].Contains(target))
                {
                    upstreams[i].Add(target);
                }
            }

            var databases = later.Where(IsDatabase).ToArray();
            if (databases.Length > 0 && random.Next(10) < 3)
            {
                upstreams[i].Add(databases[random.Next(databases.Length)]);
            }

            foreach (var target in upstreams[i])
            {
                callers[target].Add(i);
                edges++;
            }
        }

        var files = new List<(string Path, string Text)>();
        for (var first = 0; first < services; first += ServicesPerFile)
        {
            var text = new StringBuilder(ServicesPerFile * 600);
            text.Append("using MeshOps.Authoring;\nusing MeshOps.Consul;\n\nnamespace Synthetic;\n\n");
            if (first == 0)
            {
                text.Append("/// <summary>A synthetic mesh for the generator benchmark.</summary>\n");
                text.Append("public partial class SyntheticMesh : MeshDefinition<SyntheticMesh>\n{\n");
            }
            else
            {
                text.Append("public partial class SyntheticMesh\n{\n");
            }

            for (var i = first; i < Math.Min(services, first + ServicesPerFile); i++)
            {
                WriteService(text, i, upstreams[i], random);
            }

            text.Append("}\n");
            var part = (first / ServicesPerFile).ToString("D3", CultureInfo.InvariantCulture);
            files.Add(($"/src/Mesh/SyntheticMesh.Services{part}.cs", text.ToString()));
        }

        files.Add((IntentionsPath, Intentions(callers)));
        files.Add((UnrelatedPath, UnrelatedText(5)));
        return new SyntheticTypedMesh(services, files, edges, Enumerable.Range(0, services).Count(IsDatabase));
    }

    /// <summary>The same mesh with one declared edge denied instead of allowed: the analyzer must report exactly one MESH201.</summary>
    public IReadOnlyList<(string Path, string Text)> WithFirstAllowDenied() =>
        Files.Select(f => f.Path == IntentionsPath ? (f.Path, ReplaceFirst(f.Text, ".Allow<", ".Deny<")) : f).ToList();

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        return text[..at] + to + text[(at + from.Length)..];
    }

    private static void WriteService(StringBuilder text, int index, List<int> upstreams, SplitMix64 random)
    {
        var inv = CultureInfo.InvariantCulture;
        var name = SyntheticMesh.NameOf(index);
        text.Append('\n');
        if (IsDatabase(index))
        {
            text.Append(inv, $"    [MeshService(\"{name}\", Protocol = MeshProtocol.Tcp, Image = \"postgres:16.4\")]\n");
            text.Append("    [ContainerPort(5432, Name = \"postgres\")]\n");
            text.Append("    [ServicePort(5432, Name = \"postgres\")]\n");
        }
        else
        {
            var protocol = index % 10 == 3 ? "Grpc" : "Http";
            var replicas = 1 + random.Next(3);
            text.Append(inv, $"    [MeshService(\"{name}\", Protocol = MeshProtocol.{protocol}, Image = \"registry.example.com/shop/{name}:1.{index % 20}.0\", Replicas = {replicas})]\n");
            text.Append("    [ContainerPort(8080, Name = \"http\")]\n");
            if (index % 2 == 0)
            {
                text.Append("    [ServicePort(8080, Name = \"http\")]\n");
            }
            else
            {
                text.Append("    [ContainerPort(9102, Name = \"metrics\")]\n");
                text.Append(index % 4 == 1
                    ? "    [ServicePort(80, TargetPortName = \"http\", Name = \"http\")]\n"
                    : "    [ServicePort(80, TargetPort = 8080, Name = \"http\")]\n");
            }
        }

        if (index % 4 == 2)
        {
            text.Append("    [ServiceAccount(AutomountToken = true)]\n");
        }

        foreach (var target in upstreams)
        {
            text.Append(random.Next(3) == 0
                ? string.Format(inv, "    [Upstream(typeof({0}), Port = {1})]\n", ClassOf(target), ServicePortOf(target))
                : string.Format(inv, "    [Upstream(typeof({0}))]\n", ClassOf(target)));
        }

        text.Append(inv, $"    public partial class {ClassOf(index)};\n");
    }

    private static string Intentions(List<int>[] callers)
    {
        var text = new StringBuilder(callers.Length * 120);
        text.Append("using MeshOps.Authoring;\nusing MeshOps.Consul;\n\nnamespace Synthetic;\n\npublic partial class SyntheticMesh\n{\n");
        text.Append("    /// <inheritdoc/>\n");
        text.Append("    protected override void Configure(IntentionBuilder<SyntheticMesh> intentions)\n    {\n");
        text.Append("        intentions.DenyAll();\n");
        for (var destination = 0; destination < callers.Length; destination++)
        {
            if (callers[destination].Count == 0)
            {
                continue;
            }

            text.Append("        intentions");
            foreach (var source in callers[destination])
            {
                text.Append(CultureInfo.InvariantCulture, $"\n            .Allow<{ClassOf(source)}, {ClassOf(destination)}>()");
            }

            text.Append(";\n");
        }

        text.Append("    }\n}\n");
        return text.ToString();
    }
}
