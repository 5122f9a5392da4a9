using System.Text;

namespace MeshOps.Simulation.Kubernetes;

/// <summary>Writes a kubeconfig as kubectl writes one: a cluster with its CA, a user with a bearer token, a context.</summary>
internal static class KubeconfigWriter
{
    public static string Write(string path, Uri server, string authorityPem, string token, string context, string? @namespace)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var caData = Convert.ToBase64String(Encoding.ASCII.GetBytes(authorityPem));
        var text = new StringBuilder()
            .Append("apiVersion: v1\n")
            .Append("kind: Config\n")
            .Append("clusters:\n")
            .Append("- name: ").Append(context).Append('\n')
            .Append("  cluster:\n")
            .Append("    server: ").Append(server.GetLeftPart(UriPartial.Authority)).Append('\n')
            .Append("    certificate-authority-data: ").Append(caData).Append('\n')
            .Append("users:\n")
            .Append("- name: ").Append(context).Append('\n')
            .Append("  user:\n")
            .Append("    token: ").Append(token).Append('\n')
            .Append("contexts:\n")
            .Append("- name: ").Append(context).Append('\n')
            .Append("  context:\n")
            .Append("    cluster: ").Append(context).Append('\n')
            .Append("    user: ").Append(context).Append('\n');
        if (@namespace is not null)
            text.Append("    namespace: ").Append(@namespace).Append('\n');
        text.Append("current-context: ").Append(context).Append('\n');
        File.WriteAllText(full, text.ToString());
        return full;
    }
}
