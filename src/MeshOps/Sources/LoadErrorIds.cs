using System.Collections.Frozen;

namespace MeshOps.Sources;

/// <summary>
/// The stable <see cref="LoadError.ErrorId"/> values (PowerShell error ids, so never renamed), each with its
/// <see cref="LoadErrorKind"/>. A repeated key is no longer an error but a warning (<see cref="LoadWarningIds.DuplicateKey"/>),
/// as kubectl accepts it. An ID added here needs a row in <see cref="Kinds"/>; a test holds the two together.
/// A front end may report inputs it rejects itself (a path it cannot resolve) under IDs of its own, which have no row.
/// </summary>
public static class LoadErrorIds
{
    public const string PathNotFound = "MeshOps.PathNotFound";
    public const string NoManifestFiles = "MeshOps.NoManifestFiles";
    public const string FileTooLarge = "MeshOps.FileTooLarge";
    public const string UnreadableFile = "MeshOps.UnreadableFile";

    /// <summary>A named pipe, socket or device given or found as a manifest: never opened, since reading it can block forever.</summary>
    public const string NotARegularFile = "MeshOps.NotARegularFile";
    public const string InvalidEncoding = "MeshOps.InvalidEncoding";
    public const string YamlSyntax = "MeshOps.YamlSyntax";
    public const string UnsupportedKey = "MeshOps.UnsupportedKey";
    public const string NestingTooDeep = "MeshOps.NestingTooDeep";
    public const string TooManyNodes = "MeshOps.TooManyNodes";
    public const string NotAnObject = "MeshOps.NotAnObject";
    public const string MissingIdentity = "MeshOps.MissingIdentity";
    public const string InvalidField = "MeshOps.InvalidField";

    /// <summary>With a namespace given (<c>LoaderOptions.Namespace</c>, kubectl's <c>-n</c>), an object written for another one.</summary>
    public const string NamespaceMismatch = "MeshOps.NamespaceMismatch";

    /// <summary>A live snapshot could not list one kind: RBAC refused it (the message quotes the API server's words).</summary>
    public const string KubernetesForbidden = "MeshOps.KubernetesForbidden";

    /// <summary>A namespace asked for does not exist in the cluster.</summary>
    public const string NamespaceNotFound = "MeshOps.NamespaceNotFound";

    /// <summary>Every ID above with its kind (look an ID up with <c>TryGetValue</c>: a front end's own IDs are not here).</summary>
    public static FrozenDictionary<string, LoadErrorKind> Kinds { get; } = new Dictionary<string, LoadErrorKind>(StringComparer.Ordinal)
    {
        [PathNotFound] = LoadErrorKind.NotFound,
        [NoManifestFiles] = LoadErrorKind.NotFound,
        [UnreadableFile] = LoadErrorKind.ReadError,
        [NotARegularFile] = LoadErrorKind.ReadError,
        [InvalidEncoding] = LoadErrorKind.InvalidData,
        [YamlSyntax] = LoadErrorKind.InvalidData,
        [UnsupportedKey] = LoadErrorKind.InvalidData,
        [NotAnObject] = LoadErrorKind.InvalidData,
        [MissingIdentity] = LoadErrorKind.InvalidData,
        [InvalidField] = LoadErrorKind.InvalidData,
        [NamespaceMismatch] = LoadErrorKind.InvalidData,
        [KubernetesForbidden] = LoadErrorKind.ReadError,
        [NamespaceNotFound] = LoadErrorKind.NotFound,
        [FileTooLarge] = LoadErrorKind.LimitExceeded,
        [NestingTooDeep] = LoadErrorKind.LimitExceeded,
        [TooManyNodes] = LoadErrorKind.LimitExceeded,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
