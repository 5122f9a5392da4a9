using System.Security.Cryptography;
using System.Text;
using MeshOps.Sources.Files.Yaml;

namespace MeshOps.Sources.Files;

/// <summary>
/// A fingerprint of what an object of an unmodelled kind says, so that two copies of it can be told apart after the
/// YAML tree is dropped (<see cref="DuplicateObjects"/>). Key order, quoting and comments do not count; the identity
/// fields and what a server sets are left out, as in the comparison of modelled kinds. Each node is hashed from its
/// children's hashes, once per node even when aliases share it, so an alias bomb costs no more than it did to parse.
/// One instance per load call, not shared between threads.
/// </summary>
internal sealed class ContentDigest
{
    private static readonly HashSet<string> IgnoredAtRoot = new(["apiVersion", "kind", "status"], StringComparer.Ordinal);

    private static readonly HashSet<string> IgnoredInMetadata =
        new(["namespace", "resourceVersion", "uid", "creationTimestamp", "generation", "managedFields", "selfLink"], StringComparer.Ordinal);

    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Dictionary<ParsedNode, byte[]> shared = new(ReferenceEqualityComparer.Instance);
    private bool hasAliases;

    /// <summary>The fingerprint, or null when aliases nest deeper than <see cref="YamlLimits.MaxDepth"/> (the copies then count as different).</summary>
    public byte[]? Of(ParsedMapping root, bool documentHasAliases)
    {
        hasAliases = documentHasAliases;
        shared.Clear();
        return Mapping(root, 0, IgnoredAtRoot);
    }

    private byte[]? Node(ParsedNode node, int depth)
    {
        if (depth >= YamlLimits.MaxDepth)
            return null;
        if (hasAliases && shared.TryGetValue(node, out var known))
            return known;
        var digest = node switch
        {
            ParsedMapping mapping => Mapping(mapping, depth, null),
            ParsedSequence sequence => Sequence(sequence, depth),
            _ => Scalar((ParsedScalar)node),
        };
        if (hasAliases && digest is not null)
            shared[node] = digest;
        return digest;
    }

    private byte[]? Mapping(ParsedMapping mapping, int depth, HashSet<string>? ignored)
    {
        var entries = new List<(string Key, byte[] Digest)>(mapping.Entries.Length);
        foreach (var entry in mapping.Entries)
        {
            if (ignored is not null && ignored.Contains(entry.Key))
                continue;
            var child = depth == 0 && entry.Key == "metadata" && entry.Value is ParsedMapping metadata
                ? Mapping(metadata, depth + 1, IgnoredInMetadata)
                : Node(entry.Value, depth + 1);
            if (child is null)
                return null;
            entries.Add((entry.Key, child));
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        hash.AppendData("{"u8);
        foreach (var (key, digest) in entries)
        {
            AppendText(key);
            hash.AppendData(digest);
        }
        return hash.GetHashAndReset();
    }

    private byte[]? Sequence(ParsedSequence sequence, int depth)
    {
        var items = new byte[sequence.Items.Length][];
        for (var i = 0; i < items.Length; i++)
        {
            if (Node(sequence.Items[i], depth + 1) is not { } item)
                return null;
            items[i] = item;
        }
        hash.AppendData("["u8);
        foreach (var item in items)
            hash.AppendData(item);
        return hash.GetHashAndReset();
    }

    /// <summary>Typed as JSON would carry it: <c>yes</c> and <c>true</c> are one boolean, <c>~</c> and <c>null</c> one null.</summary>
    private byte[] Scalar(ParsedScalar scalar)
    {
        switch (scalar.Type)
        {
            case ScalarType.Null:
                hash.AppendData("n"u8);
                break;
            case ScalarType.Bool:
                hash.AppendData(ScalarTypeResolver.ParseBool(scalar.Value) ? "t"u8 : "f"u8);
                break;
            case ScalarType.Integer or ScalarType.Float:
                hash.AppendData("#"u8);
                AppendText(scalar.Value);
                break;
            default:
                hash.AppendData("s"u8);
                AppendText(scalar.Value);
                break;
        }
        return hash.GetHashAndReset();
    }

    /// <summary>Length first, so that no two different sequences of texts hash the same bytes.</summary>
    private void AppendText(string text)
    {
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, text.Length);
        hash.AppendData(length);
        hash.AppendData(Encoding.UTF8.GetBytes(text));
    }
}
