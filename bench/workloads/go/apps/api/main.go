// api: a gin service storing greetings with gorm on a pure-Go SQLite driver, logging with zap.
package main

import (
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/glebarez/sqlite"
	"go.uber.org/zap"
	"gorm.io/gorm"
)

// Greeting is one stored greeting.
type Greeting struct {
	ID   uint   `gorm:"primaryKey" json:"id"`
	Text string `json:"text"`
}

func main() {
	logger, _ := zap.NewProduction()
	defer logger.Sync()
	db, err := gorm.Open(sqlite.Open("file::memory:?cache=shared"), &gorm.Config{})
	if err != nil {
		logger.Fatal("open database", zap.Error(err))
	}
	if err := db.AutoMigrate(&Greeting{}); err != nil {
		logger.Fatal("migrate", zap.Error(err))
	}
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.GET("/health", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"status": "ok"}) })
	r.GET("/greet/:name", func(c *gin.Context) {
		g := Greeting{Text: "Hello, " + c.Param("name")}
		db.Create(&g)
		var stored int64
		db.Model(&Greeting{}).Count(&stored)
		logger.Info("greeted", zap.String("name", c.Param("name")))
		c.JSON(http.StatusOK, gin.H{"greeting": g.Text, "stored": stored})
	})
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	logger.Info("api listening", zap.String("port", port))
	if err := r.Run(":" + port); err != nil {
		logger.Fatal("serve", zap.Error(err))
	}
}
