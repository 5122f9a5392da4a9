namespace MeshOps.Rules.Catalog
{
    /// <summary>How bad a finding is. Ordered so that comparisons mean "at least as severe".</summary>
    public enum Severity
    {
        Info = 0,
        Warning = 1,
        Error = 2,
    }
}
