using MeshOps.Rules.Catalog;

namespace MeshOps.Rules.Checks
{
    /// <summary>
    /// What a check decided, worded once: the rule, the arguments of its message, fix and confirm formats, and the
    /// severity when the facts lower or raise the catalogue's. Both front ends report exactly this.
    /// </summary>
    public sealed record RuleVerdict(RuleDescriptor Rule, object[] Args, Severity? SeverityOverride = null)
    {
        public Severity Severity => SeverityOverride ?? Rule.Severity;

        public string Message => Rule.FormatMessage(Args);

        public string Fix => Rule.FormatFix(Args);

        public string Confirm => Rule.FormatConfirm(Args);
    }
}
