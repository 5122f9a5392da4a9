using System.Text;

namespace MeshOps.Envoy.Stats;

/// <summary>
/// Splits stat names into a shared cluster head and an interned rest, straight from UTF-8 bytes. A cluster's name may
/// hold dots (Consul's SNI names: <c>api.default.dc1.internal.&lt;uuid&gt;.consul</c>), so it ends at <c>.consul</c>
/// when what comes before decodes as a Consul name, else at the first dot, as Envoy's own <c>envoy.cluster_name</c>
/// tag extraction reads it (<c>^cluster\.((.*?)\.)</c>).
/// </summary>
internal sealed class StatNameTable
{
    private const int MaxStackChars = 512;
    private static readonly byte[] ClusterStart = "cluster."u8.ToArray();
    private static readonly byte[] ConsulEnd = ".consul."u8.ToArray();

    private readonly Dictionary<string, StatNameHead> _heads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StatNameHead>.AlternateLookup<ReadOnlySpan<char>> _headLookup;
    private readonly Dictionary<string, StatNameHead> _clusters = new(StringComparer.Ordinal);
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _stringLookup;
    private byte[] _lastCandidate = [];
    private StatNameHead? _lastHead;

    public StatNameTable()
    {
        _headLookup = _heads.GetAlternateLookup<ReadOnlySpan<char>>();
        _stringLookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public (StatNameHead? Head, string Tail) Split(ReadOnlySpan<byte> name)
    {
        if (!name.StartsWith(ClusterStart))
            return (null, Encoding.UTF8.GetString(name));
        var rest = name[ClusterStart.Length..];
        var consul = rest.IndexOf(ConsulEnd);
        var candidateLength = consul > 0 ? consul + ConsulEnd.Length - 1 : rest.IndexOf((byte)'.');
        if (candidateLength <= 0)
            return (null, Encoding.UTF8.GetString(name));
        var candidate = rest[..candidateLength];
        StatNameHead? head;
        if (candidate.SequenceEqual(_lastCandidate))
        {
            head = _lastHead;
        }
        else
        {
            head = HeadFor(candidate);
            _lastCandidate = candidate.ToArray();
            _lastHead = head;
        }

        if (head is null)
            return (null, Encoding.UTF8.GetString(name));
        var tail = rest[(head.Cluster.Name.Length + 1)..];
        return tail.IsEmpty ? (null, Encoding.UTF8.GetString(name)) : (head, Intern(tail));
    }

    /// <summary>One string per distinct text: a dump repeats each cluster suffix and label once per cluster.</summary>
    public string Intern(ReadOnlySpan<byte> utf8)
    {
        char[]? rented = null;
        Span<char> chars = utf8.Length <= MaxStackChars ? stackalloc char[MaxStackChars] : (rented = new char[utf8.Length]);
        var length = Encoding.UTF8.GetChars(utf8, chars);
        var text = chars[..length];
        if (_stringLookup.TryGetValue(text, out var found))
            return found;
        var created = rented is null ? text.ToString() : new string(rented, 0, length);
        _strings.Add(created);
        return created;
    }

    private StatNameHead HeadFor(ReadOnlySpan<byte> candidate)
    {
        Span<char> chars = candidate.Length <= MaxStackChars ? stackalloc char[MaxStackChars] : new char[candidate.Length];
        var text = chars[..Encoding.UTF8.GetChars(candidate, chars)];
        if (_headLookup.TryGetValue(text, out var known))
            return known;
        var name = text.ToString();
        var head = Cluster(name);
        if (head.Cluster.Role == EnvoyClusterRole.Other && name.IndexOf('.', StringComparison.Ordinal) is var dot and > 0)
            head = Cluster(name[..dot]);
        _heads[name] = head;
        return head;
    }

    private StatNameHead Cluster(string name)
    {
        if (!_clusters.TryGetValue(name, out var head))
        {
            head = new StatNameHead(name);
            _clusters[name] = head;
        }

        return head;
    }
}
