using System.Collections;
using System.Management.Automation;
using MeshOps.Secrets;

namespace MeshOps.PowerShell.Checks.Run;

/// <summary>
/// Reads Pester 5's run object (Invoke-Pester -PassThru) into a <see cref="CheckRunResult"/>. Pester marks the tests
/// under a BeforeAll that threw as failed with no error of their own (the error is on the block, or on the container
/// for a top-level BeforeAll), so a failure's message is taken from the nearest of the test, its blocks and its file
/// that holds one; a block or file whose error no failed test carries (an AfterAll, a syntax error) is a failure of its own.
/// </summary>
internal static class PesterRunReader
{
    public static CheckRunResult Read(PSObject run, IReadOnlyList<string> suites, string source, string? outputFile, string? outputFormat)
    {
        var containerErrors = Items(run, "Containers")
            .Where(c => Errors(c).Count > 0)
            .ToDictionary(c => Text(Get(c, "Item")), c => Errors(c), StringComparer.Ordinal);
        var explained = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var explainedSuites = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<CheckFailure>();
        foreach (var test in Items(run, "Failed"))
        {
            var block = Child(test, "Block");
            var suite = Text(Get(Child(block, "BlockContainer"), "Item"));
            var errors = Errors(test);
            for (var parent = block; errors.Count == 0 && parent is not null; parent = Child(parent, "Parent"))
            {
                errors = Errors(parent);
                if (errors.Count > 0)
                {
                    explained.Add(Identity(parent));
                }
            }

            if (errors.Count == 0 && containerErrors.TryGetValue(suite, out var fromFile))
            {
                errors = fromFile;
                explainedSuites.Add(suite);
            }

            failures.Add(new CheckFailure(suite, Text(Get(test, "ExpandedPath")), Message(errors)));
        }

        foreach (var block in Items(run, "FailedBlocks").Where(b => !explained.Contains(Identity(b))))
        {
            var suite = Text(Get(Child(block, "BlockContainer"), "Item"));
            failures.Add(new CheckFailure(suite, Text(Get(block, "ExpandedPath")), Message(Errors(block))));
        }

        foreach (var (suite, errors) in containerErrors.Where(c => !explainedSuites.Contains(c.Key)))
        {
            failures.Add(new CheckFailure(suite, Path.GetFileName(suite), Message(errors)));
        }

        var passed = Count(run, "PassedCount");
        var failed = Count(run, "FailedCount");
        var result = Text(Get(run, "Result")) == CheckRunResult.FailedResult || failures.Count > 0 ? CheckRunResult.FailedResult
            : passed + failed == 0 ? CheckRunResult.NothingRunResult
            : CheckRunResult.PassedResult;
        return new CheckRunResult(
            result,
            suites,
            source,
            passed,
            failed,
            Count(run, "SkippedCount"),
            Count(run, "NotRunCount"),
            Count(run, "FailedContainersCount"),
            Get(run, "Duration") is TimeSpan duration ? duration : TimeSpan.Zero,
            outputFile,
            outputFormat,
            failures);
    }

    /// <summary>A property's value, unwrapped unless it is a PSCustomObject (whose properties live on the wrapper).</summary>
    private static object? Get(PSObject? item, string name) => item?.Properties[name]?.Value switch
    {
        PSObject { BaseObject: not PSCustomObject } wrapped => wrapped.BaseObject,
        var value => value,
    };

    private static PSObject? Child(PSObject? item, string name) => Get(item, name) is { } value ? PSObject.AsPSObject(value) : null;

    /// <summary>
    /// What identifies a block: its object, or for a PSCustomObject the wrapper, since every PSCustomObject shares
    /// one base instance.
    /// </summary>
    private static object Identity(PSObject item) => item.BaseObject is PSCustomObject ? item : item.BaseObject;

    private static IEnumerable<PSObject> Items(PSObject item, string name) =>
        Get(item, name) is IEnumerable items and not string ? items.Cast<object>().Select(PSObject.AsPSObject) : [];

    private static List<ErrorRecord> Errors(PSObject item) =>
        [.. Items(item, "ErrorRecord").Select(e => e.BaseObject).OfType<ErrorRecord>()];

    private static int Count(PSObject run, string name) => Get(run, name) is int count ? count : 0;

    private static string Text(object? value) => value is FileSystemInfo file ? file.FullName : value?.ToString() ?? string.Empty;

    /// <summary>
    /// Pester's messages as it prints them, lines kept; credentials masked and other control characters escaped, since
    /// a test may quote what a cluster answered.
    /// </summary>
    private static string Message(List<ErrorRecord> errors) =>
        string.Join(
            "\n",
            errors.SelectMany(e => SecretRedactor.Redact(e.Exception?.Message ?? e.ToString()).Split('\n'))
                .Select(line => OutputText.EscapeControls(line.TrimEnd('\r'))));
}
