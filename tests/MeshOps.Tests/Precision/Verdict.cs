namespace MeshOps.Tests.Precision;

/// <summary>The expert's decision on one finding (the Verdicts section of ../shared/reference/wild/VERDICTS.md).</summary>
internal enum Verdict
{
    /// <summary>A real fault, or a warning a Consul expert accepts: it must still be reported.</summary>
    True,

    /// <summary>Wrong in Consul's real semantics: it must no longer be reported, at any severity.</summary>
    False,

    /// <summary>Depends on what the set does not hold: if reported, below Error and stating its assumption.</summary>
    PartialInput,

    /// <summary>Not decided; counted, never asserted.</summary>
    Unsure,
}

internal static class VerdictLabels
{
    public static string Label(this Verdict verdict) => verdict switch
    {
        Verdict.True => "TRUE",
        Verdict.False => "FALSE",
        Verdict.PartialInput => "PARTIAL-INPUT",
        _ => "UNSURE",
    };

    public static Verdict Parse(string text) => text.Trim().Trim('*').Trim() switch
    {
        "TRUE" => Verdict.True,
        "FALSE" => Verdict.False,
        "PARTIAL-INPUT" => Verdict.PartialInput,
        "UNSURE" => Verdict.Unsure,
        var other => throw new FormatException($"Unknown verdict '{other}'."),
    };
}
