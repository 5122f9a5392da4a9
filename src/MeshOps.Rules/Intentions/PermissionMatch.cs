namespace MeshOps.Rules.Intentions
{
    /// <summary>Whether a permission matches requests of which only part is known.</summary>
    public enum PermissionMatch
    {
        /// <summary>It matches none of them.</summary>
        None,

        /// <summary>It may match some of them, depending on what is not known.</summary>
        Possible,

        /// <summary>It matches all of them.</summary>
        Certain,
    }
}
