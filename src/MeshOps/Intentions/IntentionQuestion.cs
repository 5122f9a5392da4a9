namespace MeshOps.Intentions;

/// <summary>One pair asked about, with the HTTP request its L7 permissions judge (null: the connection alone).</summary>
public sealed record IntentionQuestion(string Source, string Destination, DescribedRequest? Request = null);
