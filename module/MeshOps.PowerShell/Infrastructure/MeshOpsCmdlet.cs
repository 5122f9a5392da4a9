using System.Management.Automation;
using System.Runtime.CompilerServices;
using MeshOps.Secrets;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>
/// What every MeshOps cmdlet shares: error records built from <see cref="ErrorIds"/> with credentials masked, a
/// cancellation token that Ctrl+C (<see cref="StopProcessing"/>) cancels, and progress reporting.
/// Like every <c>Write*</c> call, the helpers here run on the pipeline thread only: from BeginProcessing,
/// ProcessRecord or EndProcessing, never from a task the cmdlet starts (PowerShell refuses that).
/// </summary>
public abstract class MeshOpsCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Cancelled when the user stops the pipeline; pass it to every SDK call that takes one.</summary>
    protected CancellationToken CancellationToken => _stopping.Token;

    /// <summary>The progress activity of this invocation, so two MeshOps cmdlets in one pipeline keep separate bars.</summary>
    private int ProgressActivityId => RuntimeHelpers.GetHashCode(this) & int.MaxValue;

    /// <summary>
    /// An error record with the ID's category from the table and an exception made for it. The message and a target
    /// given as text (a path as the user typed it) are masked and their control characters escaped
    /// (<see cref="OutputText"/>): error records end up in logs and on terminals.
    /// </summary>
    protected static ErrorRecord NewErrorRecord(string errorId, string message, object? target) =>
        new(ErrorIds.NewException(errorId, OutputText.Clean(message)), errorId, ErrorIds.CategoryOf(errorId), Clean(target));

    /// <summary>
    /// An error record for an exception the cmdlet passes on (the SDK's, or PowerShell's own), with the ID's category
    /// from the table. Should its message quote a credential or hold a control character, the record carries an
    /// exception of the table's type with the message cleaned instead, since <c>Format-List * -Force</c> shows the
    /// exception's own message.
    /// </summary>
    protected static ErrorRecord NewErrorRecord(string errorId, Exception exception, object? target)
    {
        var cleaned = OutputText.Clean(exception.Message);
        var shown = string.Equals(cleaned, exception.Message, StringComparison.Ordinal) ? exception : ErrorIds.NewException(errorId, cleaned);
        return new ErrorRecord(shown, errorId, ErrorIds.CategoryOf(errorId), Clean(target));
    }

    /// <summary>
    /// The files a -Path (wildcards, folders) or -LiteralPath value names, as <see cref="ManifestPaths"/> expands them;
    /// null, with an error naming the path written, when it names none. <paramref name="consequence"/> ("Nothing is
    /// written.") ends the message of a path that resolved to nothing.
    /// </summary>
    protected IReadOnlyList<string>? ResolveManifestPath(string path, bool literal, string? consequence = null)
    {
        var resolved = ManifestPaths.Resolve(SessionState, path, literal);
        if (!resolved.Failed)
        {
            return resolved.Paths;
        }

        WriteError(resolved.Exception is { } exception
            ? NewErrorRecord(resolved.ErrorId!, exception, path)
            : NewErrorRecord(resolved.ErrorId!, consequence is null ? resolved.Message! : $"{resolved.Message} {consequence}", path));
        return null;
    }

    private static object? Clean(object? target) => target is string text ? OutputText.Clean(text) : target;

    /// <summary>
    /// Runs SDK work with <see cref="CancellationToken"/>. A cancelled run ends the way PowerShell ends a stopped
    /// pipeline, with no error record for the user to read.
    /// </summary>
    protected T RunCancellable<T>(Func<CancellationToken, T> work)
    {
        try
        {
            return work(CancellationToken);
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>Shows what the cmdlet is doing (Write-Progress); <paramref name="percentComplete"/> -1 when not known.</summary>
    protected void ReportProgress(string activity, string status, int percentComplete = -1) =>
        WriteProgress(new ProgressRecord(ProgressActivityId, activity, status) { PercentComplete = percentComplete });

    /// <summary>Removes the progress bar of <paramref name="activity"/>.</summary>
    protected void CompleteProgress(string activity) =>
        WriteProgress(new ProgressRecord(ProgressActivityId, activity, "Done") { RecordType = ProgressRecordType.Completed });

    protected override void StopProcessing()
    {
        _stopping.Cancel();
        base.StopProcessing();
    }

    /// <summary>PowerShell disposes a cmdlet that is disposable once the pipeline is done with it.</summary>
    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
