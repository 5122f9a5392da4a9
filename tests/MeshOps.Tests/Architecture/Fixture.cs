// Two tiny layers with a backward use, so the direction check is itself shown to fail when it should.
namespace MeshOps.Tests.Architecture.Fixture.Lower
{
    internal sealed class UsesTheLayerAbove
    {
        public Upper.Above Value { get; } = new();
    }
}

namespace MeshOps.Tests.Architecture.Fixture.Upper
{
    internal sealed class Above
    {
        public override string ToString() => nameof(Above);
    }

    internal sealed class UsesTheChild
    {
        public Child.UsesItsParent Child { get; } = new();
    }
}

namespace MeshOps.Tests.Architecture.Fixture.Upper.Child
{
    internal sealed class UsesItsParent
    {
        public Above Parent { get; } = new();
    }
}
