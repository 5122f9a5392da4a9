using MeshOps.Secrets;

namespace MeshOps.Sources;

/// <summary>
/// A file or document that could not be read. Loading goes on with the other files; the error names
/// the place so a user can open it. <paramref name="ErrorId"/> is stable (used as the PowerShell error id);
/// <see cref="LoadErrorIds.Kinds"/> says what kind of failure each of the SDK's IDs is.
/// </summary>
public sealed record LoadError(string ErrorId, SourceLocation Location, string Message)
{
    /// <summary>
    /// The message, with any credential quoted from the input masked and control characters escaped
    /// (<see cref="OutputText"/>): errors end up in logs and on terminals. The init accessor cleans too, so a copy
    /// made with 'with { Message = ... }' cannot skip the pass.
    /// </summary>
    public string Message { get; init => field = OutputText.Clean(value); } = OutputText.Clean(Message);

    public SourceLocation Location { get; init => field = value.ForOutput(); } = Location.ForOutput();

    public override string ToString() => $"{Location}: {Message}";
}
