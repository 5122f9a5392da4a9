using System.Collections;
using System.Management.Automation;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>
/// Counts the piped records PowerShell could not bind to a cmdlet in this invocation. The binder writes its own
/// error for each of them and never calls <c>ProcessRecord</c>, so the cmdlet would otherwise not know that part of
/// its input was dropped (issue 10: <c>Get-ChildItem x | Test-MeshConfig -Path y -Quiet</c> returned $true). The
/// binder's errors land in <c>$Error</c>, newest first; the ones added since <see cref="Start"/> with this
/// invocation's position in the script are this invocation's. With <c>-ErrorAction Ignore</c> PowerShell keeps
/// no record, and the user has said the dropped records do not matter.
/// </summary>
internal sealed class UnboundPipelineRecords
{
    private readonly PSCmdlet _cmdlet;
    private readonly object? _newestAtStart;

    private UnboundPipelineRecords(PSCmdlet cmdlet, object? newestAtStart)
    {
        _cmdlet = cmdlet;
        _newestAtStart = newestAtStart;
    }

    public static UnboundPipelineRecords Start(PSCmdlet cmdlet)
    {
        var errors = ErrorList(cmdlet);
        return new UnboundPipelineRecords(cmdlet, errors is { Count: > 0 } ? errors[0] : null);
    }

    public int Count()
    {
        if (!_cmdlet.MyInvocation.ExpectingInput || ErrorList(_cmdlet) is not { } errors)
        {
            return 0;
        }

        var mine = _cmdlet.MyInvocation;
        var count = 0;
        foreach (var entry in errors)
        {
            if (ReferenceEquals(entry, _newestAtStart))
            {
                break;
            }

            if (entry is ErrorRecord { Exception: ParameterBindingException, InvocationInfo: { } where } &&
                where.MyCommand?.Name == mine.MyCommand?.Name &&
                where.HistoryId == mine.HistoryId &&
                where.ScriptLineNumber == mine.ScriptLineNumber &&
                where.OffsetInLine == mine.OffsetInLine &&
                string.Equals(where.ScriptName, mine.ScriptName, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    private static IList? ErrorList(PSCmdlet cmdlet) => cmdlet.SessionState.PSVariable.GetValue("global:Error") as IList;
}
