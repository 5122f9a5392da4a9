using System.Text.Json;

namespace MeshOps.Envoy;

/// <summary>
/// What is wrong with JSON that did not read, in a user's words for an <see cref="EnvoyFormatException"/>. The reader's
/// own message speaks of isFinalBlock and BytePositionInLine and repeats the line the exception already names.
/// </summary>
internal static class JsonProblem
{
    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        foreach (var tail in new[] { " Path: ", " LineNumber: " })
        {
            var at = message.IndexOf(tail, StringComparison.Ordinal);
            if (at >= 0)
                message = message[..at];
        }

        return message switch
        {
            _ when message.StartsWith("The input does not contain any JSON tokens", StringComparison.Ordinal) => "not valid JSON: the answer is empty.",
            _ when message.Contains("reached end of data", StringComparison.Ordinal)
                || message.StartsWith("Expected depth to be zero", StringComparison.Ordinal) => "not valid JSON: it ends before it is closed (the answer was cut short).",
            _ when message.Contains("maximum configured depth", StringComparison.Ordinal) => "not valid JSON for this output: it nests deeper than this output does (another admin endpoint's answer?).",
            _ => "not valid JSON: " + message.TrimEnd(),
        };
    }
}
