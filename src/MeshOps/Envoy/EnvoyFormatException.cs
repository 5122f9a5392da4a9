namespace MeshOps.Envoy;

/// <summary>
/// An admin answer (or a saved file) that is not what the endpoint returns: the message names the source, the
/// output read (<c>/clusters</c> text) and the line, so a user can open the file or re-run the request and look.
/// Parsers throw it instead of returning what they read up to the fault: a partial result is never presented as whole.
/// </summary>
public sealed class EnvoyFormatException : Exception
{
    public EnvoyFormatException(EnvoySource origin, string output, int line, string problem, Exception? innerException = null)
        : base(Describe(origin, output, line, problem), innerException)
    {
        ArgumentNullException.ThrowIfNull(origin);
        Origin = origin;
        Output = output;
        Line = line;
        Problem = problem;
    }

    /// <summary>Where the answer came from (named <c>Origin</c>: <see cref="Exception.Source"/> is .NET's assembly name).</summary>
    public EnvoySource Origin { get; }

    /// <summary>What was being read: <c>/stats</c> text, <c>/clusters?format=json</c>, <c>/config_dump</c>.</summary>
    public string Output { get; }

    /// <summary>The 1-based line of the fault; 0 when the output as a whole is wrong (empty, or another kind of output).</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    private static string Describe(EnvoySource origin, string output, int line, string problem) =>
        line > 0 ? $"{origin.Endpoint}: {output} line {line}: {problem}" : $"{origin.Endpoint}: {output}: {problem}";
}
