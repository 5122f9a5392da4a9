using MeshOps.Secrets;

namespace MeshOps.Paths;

/// <summary>
/// One hop of a traced call: its verdict, the evidence behind it (each line with file:line where it is written), how to
/// fix it, a command to paste that confirms it, and the IDs of the rules whose findings decided it.
/// </summary>
public sealed record PathHop(
    PathHopName Name,
    PathHopStatus Status,
    IReadOnlyList<string> Evidence,
    string Fix,
    string Confirm,
    IReadOnlyList<string> RuleIds)
{
    // Evidence and commands quote names and values from manifests: mask secrets and escape terminal controls as
    // findings do (OutputText), so a hop never carries what a finding would not.
    public IReadOnlyList<string> Evidence { get; init => field = Clean(value); } = Clean(Evidence);

    public string Fix { get; init => field = OutputText.Clean(value); } = OutputText.Clean(Fix);

    public string Confirm { get; init => field = OutputText.Clean(value); } = OutputText.Clean(Confirm);

    public override string ToString() => $"{Name}: {Status}";

    private static string[] Clean(IReadOnlyList<string> lines)
    {
        var clean = new string[lines.Count];
        for (var i = 0; i < clean.Length; i++)
        {
            clean[i] = OutputText.Clean(lines[i]);
        }

        return clean;
    }
}
