using System.Management.Automation;
using MeshOps.PowerShell.Infrastructure;
using MeshOps.Rules.Catalog;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Describes the rules of the catalogue: what each checks, what it cannot see, how to fix what it finds. Findings piped
/// in bind their RuleId to -Id, so <c>Test-MeshConfig ./k8s | Get-MeshRule</c> explains the rules that fired, each once.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MeshRule")]
[OutputType(typeof(RuleInfo))]
public sealed class GetMeshRuleCommand : MeshOpsCmdlet
{
    /// <summary>IDs already written by this pipeline: many findings of one rule explain it once.</summary>
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("RuleId")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Id { get; set; }

    protected override void ProcessRecord()
    {
        var rules = RuleGuide.Rules;
        if (Id is null)
        {
            Write(rules);
            return;
        }

        foreach (var pattern in Id)
        {
            var wildcard = WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            var matched = rules.Where(rule => wildcard.IsMatch(rule.Id)).ToList();
            if (matched.Count == 0)
            {
                // Unlike Get-Command, a pattern that matches nothing is reported too: rule IDs are few and all known,
                // so an empty answer is a typo more often than a question.
                WriteError(NewErrorRecord(ErrorIds.RuleNotFound,
                    $"Cannot find a rule matching '{pattern}'. Run Get-MeshRule without -Id to list the rules.", pattern));
                continue;
            }

            Write(matched);
        }
    }

    private void Write(IEnumerable<RuleInfo> rules)
    {
        foreach (var rule in rules.Where(rule => _written.Add(rule.Id)))
        {
            WriteObject(rule);
        }
    }
}
