using System.Globalization;
using System.Text;
using MeshOps.Analysis;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Analysis;

/// <summary>Writes small meshes as YAML, so a test shows exactly the objects its verdict depends on.</summary>
internal sealed class TestMesh
{
    private readonly StringBuilder _yaml = new();

    public TestMesh Service(string name, int port = 8080, string? targetPort = null, string? ignore = null)
    {
        Document(
            "apiVersion: v1",
            "kind: Service",
            "metadata:",
            $"  name: {name}",
            ignore is null ? null : $"  annotations:\n    meshops.io/ignore: {ignore}",
            "spec:",
            "  selector:",
            $"    app: {name}",
            "  ports:",
            $"    - port: {port}",
            $"      targetPort: {targetPort ?? port.ToString(CultureInfo.InvariantCulture)}");
        return this;
    }

    /// <summary>A workload with a ServiceAccount of its own name; <paramref name="env"/> holds "NAME=value" pairs.</summary>
    public TestMesh Workload(string name, bool inMesh = true, string? portName = null, params string[] env) =>
        Deployment(name, inMesh, portName, env, mountedConfigMap: null);

    /// <summary>
    /// A mesh workload that mounts a ConfigMap "{name}-config" whose <paramref name="key"/> holds <paramref name="file"/>
    /// as a block scalar, as apps read a whole configuration file.
    /// </summary>
    public TestMesh WorkloadWithConfigFile(string name, string key, string file)
    {
        Document(
            "apiVersion: v1",
            "kind: ConfigMap",
            "metadata:",
            $"  name: {name}-config",
            "data:",
            $"  {key}: |",
            string.Join("\n", file.TrimEnd().Split('\n').Select(line => "    " + line)));
        return Deployment(name, inMesh: true, portName: null, env: [], mountedConfigMap: $"{name}-config");
    }

    private TestMesh Deployment(string name, bool inMesh, string? portName, string[] env, string? mountedConfigMap)
    {
        Document("apiVersion: v1", "kind: ServiceAccount", "metadata:", $"  name: {name}");
        Document(
            "apiVersion: apps/v1",
            "kind: Deployment",
            "metadata:",
            $"  name: {name}",
            "spec:",
            "  selector:",
            "    matchLabels:",
            $"      app: {name}",
            "  template:",
            "    metadata:",
            "      labels:",
            $"        app: {name}",
            "      annotations:",
            $"        consul.hashicorp.com/connect-inject: \"{(inMesh ? "true" : "false")}\"",
            "    spec:",
            $"      serviceAccountName: {name}",
            "      containers:",
            $"        - name: {name}",
            $"          image: example/{name}:1",
            "          ports:",
            "            - containerPort: 8080",
            portName is null ? null : $"              name: {portName}",
            env.Length == 0 ? null : "          env:",
            string.Join("\n", env.Select(e => e.Split('=', 2)).Select(p => $"            - name: {p[0]}\n              value: \"{p[1]}\"")),
            mountedConfigMap is null ? null : "          volumeMounts:\n            - name: config\n              mountPath: /config",
            mountedConfigMap is null ? null : $"      volumes:\n        - name: config\n          configMap:\n            name: {mountedConfigMap}");
        return this;
    }

    public TestMesh Intention(string destination, params (string Source, string Action)[] sources)
    {
        Document(
            "apiVersion: consul.hashicorp.com/v1alpha1",
            "kind: ServiceIntentions",
            "metadata:",
            $"  name: {(destination == "*" ? "deny-all" : destination)}",
            "spec:",
            "  destination:",
            $"    name: \"{destination}\"",
            "  sources:",
            string.Join("\n", sources.Select(s => $"    - name: \"{s.Source}\"\n      action: {s.Action}")));
        return this;
    }

    public TestMesh Raw(string yaml)
    {
        _yaml.Append("---\n").Append(yaml.TrimEnd()).Append('\n');
        return this;
    }

    /// <summary>
    /// Analyses the mesh. These meshes leave out a deny-all on purpose, so MESH206 (no default deny) is excluded
    /// unless <paramref name="withDefaultDenyCheck"/> asks for it.
    /// </summary>
    public AnalysisReport Analyze(AnalysisOptions? options = null, bool withDefaultDenyCheck = false)
    {
        var manifests = ManifestLoader.LoadText(ToString(), "<test>");
        Assert.Empty(manifests.Errors);
        options ??= AnalysisOptions.Default;
        return MeshAnalyzer.Analyze(manifests, withDefaultDenyCheck ? options : options with { ExcludeRules = [.. options.ExcludeRules, "MESH206"] });
    }

    public override string ToString() => _yaml.ToString();

    /// <summary>The 1-based line of the <paramref name="occurrence"/>th line containing <paramref name="text"/>, for asserting where a finding points.</summary>
    public int LineOf(string text, int occurrence = 1)
    {
        var lines = ToString().Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(text, StringComparison.Ordinal) && --occurrence == 0)
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"'{text}' does not occur often enough in the test mesh.");
    }

    private void Document(params string?[] lines) =>
        _yaml.Append("---\n").AppendJoin('\n', lines.Where(l => !string.IsNullOrEmpty(l))).Append('\n');
}
