namespace CloudPI.Iac.Reading;

internal static class StepOperations
{
    /// <summary>Steps that remove a resource: nothing of theirs will exist after the deployment.</summary>
    public static bool IsDeletion(string operation) =>
        operation is "delete" or "delete-replaced" or "discard" or "discard-replaced" or "remove-pending-replace";

    /// <summary>Steps that leave the resource in place, so it keeps the id its old state holds.</summary>
    public static bool KeepsId(string operation) => operation is "same" or "update";

    /// <summary>Steps that change nothing, so the outputs its old state holds are still the resource's.</summary>
    public static bool KeepsOutputs(string operation) => operation == "same";
}
