namespace MeshOps.Rules.Catalog
{
    /// <summary>
    /// One rule as a user reads about it (Get-MeshRule, about_MESHxxx): the catalogue's ID, severity, category and
    /// title, its message and confirm command with placeholders for the facts of a finding, and the guide's account of
    /// what it checks, what it cannot see and how to fix what it finds.
    /// </summary>
    public sealed record RuleInfo(
        string Id,
        Severity Severity,
        string Category,
        string Title,
        string Message,
        string Checks,
        string CannotSee,
        string Fix,
        string Confirm,
        bool CompileTimeOnly)
    {
        public override string ToString() => Id;
    }
}
