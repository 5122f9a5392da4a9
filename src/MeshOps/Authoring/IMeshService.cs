namespace MeshOps.Authoring;

/// <summary>
/// A service handle of mesh <typeparamref name="TMesh"/>. The generator implements it on every
/// <see cref="MeshServiceAttribute"/> class nested in the mesh, so intentions can name only declared services of that mesh.
/// </summary>
/// <typeparam name="TMesh">The mesh that declares the service.</typeparam>
public interface IMeshService<TMesh>
    where TMesh : MeshDefinition<TMesh>
{
    /// <summary>What the service's attributes declare.</summary>
    static abstract MeshServiceSpec Spec { get; }
}
