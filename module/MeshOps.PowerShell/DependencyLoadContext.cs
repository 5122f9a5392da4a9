using System.Reflection;
using System.Runtime.Loader;

namespace MeshOps.PowerShell;

/// <summary>
/// Loads the module's dependencies from its <c>dependencies/</c> folder, preferring them over whatever the default
/// context already holds; assemblies not shipped there (the framework, System.Management.Automation) come from the host.
/// </summary>
internal sealed class DependencyLoadContext(string directory) : AssemblyLoadContext("MeshOps", isCollectible: false)
{
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = Path.Combine(directory, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
