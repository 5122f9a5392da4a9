using System.Collections.Concurrent;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>
/// The cluster's answers to tab completion, kept briefly per kubeconfig, context, namespace and question. PowerShell
/// creates a new completer for every Tab, so an answer that arrives after one Tab stopped waiting can reach the next
/// one only through state that outlives the completer: this process-wide table, and nothing else.
/// </summary>
internal static class ClusterAnswers
{
    /// <summary>How long an answer is reused: long enough for the Tabs of one command line, short enough to see a new service.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>The end of one request, however slow the cluster: it runs on after the Tab that started it returned.</summary>
    public static readonly TimeSpan RequestLimit = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, (DateTime Asked, Task<IReadOnlyList<string>> Answer)> Answers = new(StringComparer.Ordinal);

    /// <summary>The pending or recent answer to this question, or a new request; a failed one is asked again.</summary>
    public static Task<IReadOnlyList<string>> For(string question, Func<Task<IReadOnlyList<string>>> ask)
    {
        var now = DateTime.UtcNow;
        var entry = Answers.AddOrUpdate(
            question,
            _ => (now, ask()),
            (_, previous) => previous.Answer.IsFaulted || previous.Answer.IsCanceled || now - previous.Asked > Lifetime ? (now, ask()) : previous);
        return entry.Answer;
    }
}
