namespace CloudPI.Iac.Reading;

internal static class StepOperations
{
    /// <summary>Steps that remove a resource: nothing of theirs will exist after the deployment.</summary>
    public static bool IsDeletion(string operation) =>
        operation is "delete" or "delete-replaced" or "discard" or "discard-replaced" or "remove-pending-replace";
}
