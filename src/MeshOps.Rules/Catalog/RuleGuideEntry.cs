using System.Collections.Generic;

namespace MeshOps.Rules.Catalog
{
    /// <summary>
    /// What a user needs to judge a finding of one rule without reading its code: the evidence the rule reads, what it
    /// cannot see (so a finding may be wrong, or a fault missed), and the fix in general terms.
    /// <paramref name="Arguments"/> name the rule's format arguments in order ("service", "namespace", …), so its
    /// message and confirm command can be shown with placeholders such as &lt;service&gt; instead of values; a name
    /// that already holds a '&lt;' is shown as written.
    /// </summary>
    public sealed record RuleGuideEntry(string Id, string Checks, string CannotSee, string Fix, IReadOnlyList<string> Arguments);
}
