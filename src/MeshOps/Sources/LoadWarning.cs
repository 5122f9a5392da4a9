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
    /// <summary>The message, masked and escaped as a <see cref="LoadError"/>'s is: warnings end up in logs and on terminals.</summary>
    public string Message { get; init => field = OutputText.Clean(value); } = OutputText.Clean(Message);

    public SourceLocation Location { get; init => field = value.ForOutput(); } = Location.ForOutput();

    public override string ToString() => $"{Location}: {Message}";
}
