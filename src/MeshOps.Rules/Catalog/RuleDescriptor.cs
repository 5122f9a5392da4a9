using System.Globalization;

namespace MeshOps.Rules.Catalog
{
    /// <summary>
    /// One rule of the catalogue: the single definition that both the runtime analyzer and the compile-time
    /// generator report from. Message, fix and confirm are composite formats sharing one argument list,
    /// so a rule supplies its facts once and every front end words them the same way.
    /// </summary>
    public sealed record RuleDescriptor(
        string Id,
        Severity Severity,
        string Category,
        string Title,
        string MessageFormat,
        string FixFormat,
        string ConfirmFormat)
    {
        /// <summary>
        /// True for rules only the compiler can report (a typed mesh's own declarations, which have no YAML form):
        /// they are not in <see cref="RuleCatalog.All"/> and Test-MeshConfig never reports them.
        /// </summary>
        public bool CompileTimeOnly { get; init; }

        public string FormatMessage(params object[] args) => Format(MessageFormat, args);

        public string FormatFix(params object[] args) => Format(FixFormat, args);

        public string FormatConfirm(params object[] args) => Format(ConfirmFormat, args);

        private static string Format(string format, object[] args) =>
            string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
