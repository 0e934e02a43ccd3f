// Moved to components/ui/styles: this re-export keeps files written against the old path
// compiling until they switch. Import from "@/components/ui/styles".
export * from "@/components/ui/styles";
