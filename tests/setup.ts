import { configure } from "@testing-library/dom"

// The default 1 s for findBy*/waitFor is too tight on a shared 2-core machine running other work;
// a wait that passes only waits as long as it needs.
configure({ asyncUtilTimeout: 5000 })
