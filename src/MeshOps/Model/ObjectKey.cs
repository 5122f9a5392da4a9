namespace MeshOps.Model;

/// <summary>Namespace and name: how Kubernetes objects of one kind refer to each other.</summary>
public readonly record struct ObjectKey(string Namespace, string Name)
{
    public override string ToString() => $"{Namespace}/{Name}";
}
