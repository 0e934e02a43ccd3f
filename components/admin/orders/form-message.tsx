// Moved to components/ui/form-message: this re-export keeps files written against the old path
// compiling until they switch. Import from "@/components/ui/form-message".
export { FormMessage } from "@/components/ui/form-message";
