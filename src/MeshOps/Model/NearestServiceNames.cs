using System.Collections.Concurrent;
using MeshOps.Rules.Text;

namespace MeshOps.Model;

/// <summary>
/// The declared Consul service a name is a near miss of, asked once per name for a model: MESH202 says it in its
/// message and Test-MeshPath -All shows the finding on that caller's paths, and a near-name search per unknown source
/// twice over cost a third of a second at 4,000 services. Safe to share between threads like the model it belongs to.
/// </summary>
internal sealed class NearestServiceNames(IReadOnlySet<string> declared)
{
    private readonly Lazy<NearNames> near = new(() => new NearNames(declared));
    private readonly ConcurrentDictionary<string, string?> answers = new(StringComparer.Ordinal);

    // NearNames reuses its distance rows between questions.
    private readonly Lock searching = new();

    public string? Of(string name) => answers.GetOrAdd(name, Search);

    private string? Search(string name)
    {
        lock (searching)
        {
            return near.Value.Nearest(name);
        }
    }
}
