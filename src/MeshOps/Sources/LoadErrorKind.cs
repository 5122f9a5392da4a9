namespace MeshOps.Sources;

/// <summary>
/// What kind of failure a <see cref="LoadError"/> is, for a front end that sorts errors into its own categories
/// (a PowerShell error category, a process exit code) without knowing every ID.
/// </summary>
public enum LoadErrorKind
{
    /// <summary>A path names nothing, or a folder holds no manifest file.</summary>
    NotFound,

    /// <summary>The file or folder exists but the system would not read it.</summary>
    ReadError,

    /// <summary>The text was read but is not valid: YAML syntax, encoding, or an object Kubernetes would reject.</summary>
    InvalidData,

    /// <summary>The input is larger or deeper than <see cref="Files.LoaderOptions"/> allows.</summary>
    LimitExceeded,
}
