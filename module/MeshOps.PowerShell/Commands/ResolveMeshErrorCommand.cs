using System.Management.Automation;
using MeshOps.Envoy.Errors;
using MeshOps.PowerShell.Infrastructure;
using MeshOps.Secrets;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Explains an Envoy failure line for a Consul mesh: what the fields say, the likely causes ranked by Test-MeshPath
/// hop, and the Test-MeshPath call to run next. Takes text as an argument or from the pipeline, where
/// <c>kubectl logs … -c consul-dataplane | Resolve-MeshError</c> gives a line per string: lines that hold no Envoy
/// failure are passed over, and only when none did is that an error.
/// </summary>
[Cmdlet(VerbsDiagnostic.Resolve, "MeshError")]
[OutputType(typeof(MeshErrorDiagnosis))]
public sealed class ResolveMeshErrorCommand : MeshOpsCmdlet
{
    private int _lines;
    private int _recognised;
    private string? _lastLine;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowEmptyString]
    [AllowNull]
    [Alias("Message", "Line")]
    public string?[]? Text { get; set; }

    /// <summary>The calling service, which a line never names: it completes the Test-MeshPath call suggested.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? From { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var text in Text ?? [])
        {
            foreach (var line in (text ?? string.Empty).Split('\n'))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                _lines++;
                _lastLine = line;
                if (MeshErrorDiagnoser.Diagnose(line.TrimEnd('\r'), From) is { } diagnosis)
                {
                    _recognised++;
                    WriteObject(diagnosis);
                }
                else
                {
                    WriteVerbose($"No Envoy failure in: {OutputText.Clean(Shorten(line))}");
                }
            }
        }
    }

    protected override void EndProcessing()
    {
        if (_recognised > 0)
        {
            return;
        }

        var what = _lines switch
        {
            0 => "No text was given",
            1 => $"'{Shorten(_lastLine!)}' holds no Envoy failure MeshOps knows",
            _ => $"None of the {_lines} lines given holds an Envoy failure MeshOps knows",
        };
        WriteError(NewErrorRecord(
            ErrorIds.ErrorNotRecognised,
            $"{what}. Resolve-MeshError reads Envoy's local replies ('upstream connect error or disconnect/reset before headers…', 'no healthy upstream', 'RBAC: access denied', 'upstream request timeout') and its access-log lines (Envoy's default format or Consul's JSON format) with a failure flag or a 5xx status.",
            _lastLine is null ? null : Shorten(_lastLine)));
    }

    private static string Shorten(string line) => line.Length <= 200 ? line.Trim() : line[..200].Trim() + "…";
}
