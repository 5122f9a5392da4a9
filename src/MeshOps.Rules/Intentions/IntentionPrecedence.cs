namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// Consul's intention precedence (agent/structs/config_entry_intentions.go, computeIntentionPrecedence):
    /// 9 for an exact destination down to 1 for <c>*/*</c> to <c>*/*</c>. Partition, peer and sameness group
    /// do not count.
    /// </summary>
    public static class IntentionPrecedence
    {
        public static int Compute(string destinationNamespace, string destinationName, string sourceNamespace, string sourceName)
        {
            int max;
            switch (CountExact(destinationName, destinationNamespace))
            {
                case 2:
                    max = 9;
                    break;
                case 1:
                    max = 6;
                    break;
                default:
                    max = 3;
                    break;
            }

            return max - (2 - CountExact(sourceName, sourceNamespace));
        }

        /// <summary>
        /// How exact a (name, namespace) pair is. A wildcard namespace makes the pair count 0 whatever the name,
        /// exactly as Consul's intentionCountExact does.
        /// </summary>
        public static int CountExact(string name, string ns)
        {
            if (ns == ConsulNames.Wildcard)
            {
                return 0;
            }

            return name == ConsulNames.Wildcard ? 1 : 2;
        }
    }
}
