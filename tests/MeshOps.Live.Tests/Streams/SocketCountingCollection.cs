namespace MeshOps.Live.Tests.Streams;

/// <summary>
/// Tests that compare this process's listening sockets before and after: run alone, since any other test class starting
/// a simulated server at the same moment adds a listener that is not theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SocketCountingCollection
{
    public const string Name = "Counts this process's sockets";
}
