using MeshOps.Secrets;

namespace MeshOps.Sources;

/// <summary>
/// Something read the way kubectl reads it, but not the way its author may have meant: a key written twice (the last
/// value counts), one object written differently in several files (the last one applied counts). Unlike a
/// <see cref="LoadError"/>, nothing was lost that kubectl would keep, so a warning never fails a gate
/// (<c>AnalysisReport.Passed</c>). <paramref name="WarningId"/> is stable (<see cref="LoadWarningIds"/>).
/// </summary>
public sealed record LoadWarning(string WarningId, SourceLocation Location, string Message)
{
    /// <summary>The message, with any credential quoted from the input masked: warnings end up in logs.</summary>
    public string Message { get; init; } = SecretRedactor.Redact(Message);

    public override string ToString() => $"{Location}: {Message}";
}
