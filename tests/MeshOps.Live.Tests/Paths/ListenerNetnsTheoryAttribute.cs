namespace MeshOps.Live.Tests.Paths;

/// <summary>
/// A theory that needs a real network namespace: skipped, saying why, where <c>ip netns add</c> is not permitted or
/// neither perl nor python3 can listen inside one (xunit 2 has no dynamic skip, so the attribute decides at discovery).
/// </summary>
public sealed class ListenerNetnsTheoryAttribute : TheoryAttribute
{
    public ListenerNetnsTheoryAttribute()
    {
        if (ListenerNamespace.Unavailable is { } reason)
            Skip = reason;
    }
}
