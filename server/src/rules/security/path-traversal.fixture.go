package files

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

const uploads = "/srv/uploads"

func download(w http.ResponseWriter, r *http.Request) {
	// ruleid: path-traversal
	f, err := os.Open(filepath.Join(uploads, r.URL.Query().Get("file")))
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	defer f.Close()
}

func serve(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	// ruleid: path-traversal
	http.ServeFile(w, r, filepath.Join(uploads, name))
}

func remove(w http.ResponseWriter, r *http.Request) {
	// ruleid: path-traversal
	_ = os.Remove(uploads + "/" + r.PathValue("id"))
}

func downloadSafe(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.URL.Query().Get("file"))
	// ok: path-traversal
	f, err := os.Open(filepath.Join(uploads, name))
	if err == nil {
		f.Close()
	}
}

func checked(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	if strings.Contains(name, "..") {
		http.Error(w, "bad name", http.StatusBadRequest)
		return
	}
	// ok: path-traversal
	data, _ := os.ReadFile(filepath.Join(uploads, name))
	_, _ = w.Write(data)
}

func config() ([]byte, error) {
	// ok: path-traversal
	return os.ReadFile(os.Getenv("CONFIG_FILE"))
}
