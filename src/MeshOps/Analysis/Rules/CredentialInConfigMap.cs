using k8s.Models;
using MeshOps.Discovery;
using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Secrets;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH601: a password, token or bearer credential written in clear text in a ConfigMap value.</summary>
internal sealed class CredentialInConfigMap : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.CredentialInConfigMap;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var configMap in model.ConfigMaps.Values)
        {
            if (configMap.Model is not V1ConfigMap { Data: { } data })
            {
                continue;
            }

            foreach (var (key, value) in data)
            {
                if (value is null || SecretRedactor.FindCredentials(value) is not [var first, ..])
                {
                    continue;
                }

                yield return new RuleHit(Descriptor, configMap, configMap.LocationOf("data", key),
                    [configMap.Name, key, Describe(first), MeshModelBuilder.NamespaceOf(configMap)], []);
            }
        }
    }

    private static string Describe(CredentialHit hit) => hit.Kind switch
    {
        CredentialKind.UrlPassword => "password in a URL",
        CredentialKind.AuthorizationHeader => "Authorization header",
        CredentialKind.BearerToken => "bearer token",
        _ => $"credential ('{hit.Key}')",
    };
}
