using MeshOps.Consul;
using MeshOps.Model;
using MeshOps.Sources;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// Whether a service's sidecar takes plaintext from outside the mesh (Consul 1.16+, permissive mTLS). The mode is
/// ServiceDefaults <c>mutualTLSMode</c> when set, else ProxyDefaults' (Consul's ComputeResolvedServiceConfig). Consul's
/// state store refuses to set it to permissive unless the Mesh entry has <c>allowEnablingPermissiveMutualTLS: true</c>
/// (checkMutualTLSMode: "cannot set MutualTLSMode=permissive because AllowEnablingPermissiveMutualTLS=false in the mesh
/// config entry"); the refused entry never syncs, so the sidecar stays strict.
/// </summary>
internal sealed record PermissiveMutualTls(ManifestResource SetIn, SourceLocation Location, bool Allowed, string AllowedOrigin, bool MeshEntryInInputs)
{
    /// <summary>The ServiceDefaults that set a mode, by name: read once by a rule that asks about many services.</summary>
    public static ILookup<string, ManifestResource> ModesByService(MeshModel model) =>
        model.ConfigEntriesOf("ServiceDefaults").Where(r => r.Model is ServiceDefaults { Spec.MutualTLSMode: not null }).ToLookup(r => r.Name, StringComparer.Ordinal);

    /// <summary>The permissive setting in force for a service, or null when it is strict (the default).</summary>
    /// <param name="modes">The model's <see cref="ModesByService"/>.</param>
    public static PermissiveMutualTls? For(MeshModel model, ILookup<string, ManifestResource> modes, string service)
    {
        // The same ServiceDefaults written in several files is one object that the last apply wins; a tutorial often
        // applies its permissive copy over the app's own. Any copy setting permissive may be the one in force.
        var defaults = modes[service].ToList();
        var permissive = defaults.FirstOrDefault(r => r.Model is ServiceDefaults { Spec.MutualTLSMode: ServiceDefaultsMutualTLSMode.Permissive });
        var proxy = model.ConfigEntriesOf("ProxyDefaults").FirstOrDefault(r => r.Model is ProxyDefaults { Spec.MutualTLSMode: ProxyDefaultsMutualTLSMode.Permissive });
        var setIn = permissive ?? (defaults.Count == 0 ? proxy : null);
        if (setIn is null)
        {
            return null;
        }

        var location = setIn.LocationOf("spec", "mutualTLSMode");
        var meshEntries = model.ConfigEntriesOf("Mesh");
        var allowing = meshEntries.FirstOrDefault(r => r.Model is Mesh { Spec.AllowEnablingPermissiveMutualTLS: true });
        return allowing is not null
            ? new PermissiveMutualTls(setIn, location, true, $"Mesh {allowing.Name} at {MeshSettingsReader.Short(allowing.LocationOf("spec", "allowEnablingPermissiveMutualTLS"))}", true)
            : meshEntries.Count > 0
                ? new PermissiveMutualTls(setIn, location, false, $"Mesh {meshEntries[0].Name} at {MeshSettingsReader.Short(meshEntries[0].Location)} does not set allowEnablingPermissiveMutualTLS: true", true)
                : new PermissiveMutualTls(setIn, location, false, "no Mesh resource in the inputs sets allowEnablingPermissiveMutualTLS: true", false);
    }

    public string SetAt => $"{SetIn.Kind} {SetIn.Name} at {MeshSettingsReader.Short(Location)}";
}
