namespace MeshOps.Sources;

/// <summary>The stable <see cref="LoadError.ErrorId"/> values (PowerShell error ids, so never renamed).</summary>
public static class LoadErrorIds
{
    public const string PathNotFound = "MeshOps.PathNotFound";
    public const string NoManifestFiles = "MeshOps.NoManifestFiles";
    public const string FileTooLarge = "MeshOps.FileTooLarge";
    public const string UnreadableFile = "MeshOps.UnreadableFile";
    public const string InvalidEncoding = "MeshOps.InvalidEncoding";
    public const string YamlSyntax = "MeshOps.YamlSyntax";
    public const string DuplicateKey = "MeshOps.DuplicateKey";
    public const string UnsupportedKey = "MeshOps.UnsupportedKey";
    public const string NestingTooDeep = "MeshOps.NestingTooDeep";
    public const string TooManyNodes = "MeshOps.TooManyNodes";
    public const string NotAnObject = "MeshOps.NotAnObject";
    public const string MissingIdentity = "MeshOps.MissingIdentity";
    public const string InvalidField = "MeshOps.InvalidField";
}
