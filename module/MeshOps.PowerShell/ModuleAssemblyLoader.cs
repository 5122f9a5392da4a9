using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace MeshOps.PowerShell;

/// <summary>
/// Keeps the module's dependencies (MeshOps, KubernetesClient, YamlDotNet, ...) out of the default load context.
/// PowerShell loads this assembly into the default context; its dependencies live in <c>dependencies/</c> beside it,
/// where the default context never looks. When the cmdlets first need one of the assemblies they reference directly,
/// the default context asks <see cref="AssemblyLoadContext.Resolving"/>, and that assembly (with everything it pulls in)
/// is loaded into <see cref="DependencyLoadContext"/>. Another module's YamlDotNet in the default context therefore
/// neither breaks MeshOps nor is replaced by ours.
/// </summary>
public sealed class ModuleAssemblyLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly Assembly ModuleAssembly = typeof(ModuleAssemblyLoader).Assembly;

    private static readonly string DependencyDirectory =
        Path.Combine(Path.GetDirectoryName(ModuleAssembly.Location)!, "dependencies");

    // One context per process: the default context remembers what Resolving returned, so a second context
    // created by Import-Module -Force would never be asked again.
    private static readonly DependencyLoadContext Dependencies = new(DependencyDirectory);

    // Only the assemblies this one references directly and ships are answered for; anything else the default
    // context fails to find belongs to some other module and is none of our business.
    private static readonly HashSet<string> DirectReferences = ModuleAssembly.GetReferencedAssemblies()
        .Select(name => name.Name!)
        .Where(name => File.Exists(Path.Combine(DependencyDirectory, name + ".dll")))
        .ToHashSet(StringComparer.Ordinal);

    public void OnImport()
    {
        // Import-Module -Force runs OnImport again in the same process; never hook twice.
        AssemblyLoadContext.Default.Resolving -= ResolveDirectReference;
        AssemblyLoadContext.Default.Resolving += ResolveDirectReference;
        Checks.PesterOperators.OnImport(Path.GetDirectoryName(ModuleAssembly.Location)!);
        Infrastructure.FirstCallWarmup.Start(System.Management.Automation.Runspaces.Runspace.DefaultRunspace);
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        AssemblyLoadContext.Default.Resolving -= ResolveDirectReference;
        Checks.PesterOperators.OnRemove();
    }

    private static Assembly? ResolveDirectReference(AssemblyLoadContext context, AssemblyName name) =>
        name.Name is not null && DirectReferences.Contains(name.Name)
            ? Dependencies.LoadFromAssemblyName(name)
            : null;
}
