namespace MeshOps.Graph;

/// <summary>The words an edge is labelled with, the same in every format.</summary>
internal static class MeshGraphLabels
{
    public static string For(MeshGraphEdge edge)
    {
        var parts = new List<string>();
        if (edge.Ports.Count > 0)
        {
            parts.Add(string.Join(",", edge.Ports));
        }

        parts.Add(edge.Called
            ? edge.Decision switch
            {
                MeshGraphDecision.Allowed => "allowed",
                MeshGraphDecision.Denied => "denied",
                MeshGraphDecision.DependsOnRequest => "L7 per request",
                MeshGraphDecision.NotInMesh => "outside mesh",
                _ => "unknown target",
            }
            : "intention only");
        parts.AddRange(edge.FailingRules);
        return string.Join(" ", parts);
    }
}
