using System.Text.RegularExpressions;

namespace MeshOps.Tests.Robustness;

/// <summary>Words of .NET and its libraries that mean an exception's text reached the user instead of a sentence about their input.</summary>
internal static partial class DotNetInternals
{
    public static bool Matches(string message) => Pattern().IsMatch(message);

    [GeneratedRegex(@"Object reference not set|System\.[A-Z]|k8s\.Models|MeshOps\.[A-Z][a-z]+\.|Nullable`|\bat [A-Z]\w+\.\w+\(|Idx: \d|Exception of type|JSON value could not be converted|\$\.\w|Path: \$|LineNumber: \d|BytePositionInLine")]
    private static partial Regex Pattern();
}
